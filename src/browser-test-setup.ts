// The browser project's setup (vitest.config.ts): the page looks as the console does, so what is visible, focused
// or scrolled in a component test is what a user would see.
import '@cloudscape-design/global-styles/index.css';
