import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyStoredPreferences } from './config/preferences.ts';
import { loadRuntimeConfig, type RuntimeConfig } from './config/runtime-config.ts';
import { SignInFirst, signInFirstPath } from './app/SignInFirst.tsx';
import { StartupError } from './app/StartupError.tsx';
import { setAwsEnvironment, setCognitoSettings } from './aws/environment.ts';
import { getSessionState, restoreSession } from './session/session.ts';

applyStoredPreferences();
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
const root = createRoot(rootElement);

/** The console: router, query cache, shell and pages. Not part of the first load of a signed-out visitor. */
const loadConsole = () => import('./app/App.tsx');

async function renderConsole(config: RuntimeConfig): Promise<void> {
  const { App } = await loadConsole();
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}

async function start(): Promise<void> {
  try {
    const config = await loadRuntimeConfig();
    setAwsEnvironment({ region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) });
    setCognitoSettings({ userPoolId: config.userPoolId, userPoolClientId: config.userPoolClientId, identityPoolId: config.identityPoolId });
    void restoreSession();
    if (getSessionState().status === 'signed-out') {
      const path = signInFirstPath(window.location);
      if (path !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', path);
      root.render(
        <SignInFirst config={config} prefetchConsole={() => void loadConsole().catch(() => undefined)} openConsole={() => renderConsole(config)} />,
      );
    } else {
      await renderConsole(config);
    }
  } catch (error) {
    root.render(<StartupError message={error instanceof Error ? error.message : String(error)} />);
  }
}

void start();
