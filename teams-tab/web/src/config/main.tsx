// The configuration page's entry (config.html): paint at once, then connect to the Teams host.
import { createRoot } from 'react-dom/client';
import { ConfigBoot } from './ConfigBoot';

const el = document.getElementById('root');
if (!el) throw new Error('config.html lacks #root');
createRoot(el).render(<ConfigBoot />);
