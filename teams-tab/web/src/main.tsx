// Boot: paint at once, then connect to the Teams host; the views load only once a host answered.
import { createRoot } from 'react-dom/client';
import { Boot } from './Boot';

const el = document.getElementById('root');
if (!el) throw new Error('index.html lacks #root');
createRoot(el).render(<Boot />);
