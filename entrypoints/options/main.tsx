import ReactDOM from 'react-dom/client';
import '@/components/base.css';
import '@/components/options/options.css';
import { Options } from './Options';

ReactDOM.createRoot(document.getElementById('root')!).render(<Options />);
