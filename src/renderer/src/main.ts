/**
 * The renderer's entry: only the styles and what sends the first screen's calls. React and the views
 * come in boot.tsx. Its code is asked for first: under the browser host the calls then wait behind it
 * at the server rather than the code behind the calls, and the answers travel while it is evaluated.
 * (Imported statically, React was evaluated first and the calls left about 90 ms later.)
 */
import { sendFirstCalls } from './first-calls';
import './styles/app.css';

const app = import('./boot');
sendFirstCalls();
app.catch((err: unknown) => {
  const root = document.getElementById('root')!;
  root.setAttribute('role', 'alert');
  root.textContent = `Breadth could not load its screens (${err instanceof Error ? err.message : String(err)}). Reload the window; if it happens again, rebuild the app.`;
});
