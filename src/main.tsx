import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyStoredPreferences } from './config/preferences.ts';
import { loadRuntimeConfig } from './config/runtime-config.ts';
import { StartupError } from './app/StartupError.tsx';
import { setAwsEnvironment, setCognitoSettings } from './aws/environment.ts';
import { restoreSession } from './session/session.ts';

applyStoredPreferences();
const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
const root = createRoot(rootElement);

/** Fetches the SDK-based sign-in code once the browser is idle, so pressing "Sign in" does not wait for it. */
function preloadSignInCode(): void {
  const load = () => void import('./aws/cognito.ts');
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 3000 });
  else setTimeout(load, 1500);
}

async function start(): Promise<void> {
  try {
    const config = await loadRuntimeConfig();
    setAwsEnvironment({ region: config.region, ...(config.endpoint ? { endpoint: config.endpoint } : {}) });
    setCognitoSettings({ userPoolId: config.userPoolId, userPoolClientId: config.userPoolClientId, identityPoolId: config.identityPoolId });
    void restoreSession();
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    );
    preloadSignInCode();
  } catch (error) {
    root.render(<StartupError message={error instanceof Error ? error.message : String(error)} />);
  }
}

void start();
