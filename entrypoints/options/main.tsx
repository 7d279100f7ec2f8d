import ReactDOM from 'react-dom/client';
import '@/components/base.css';
import { Options } from './Options';

ReactDOM.createRoot(document.getElementById('root')!).render(<Options />);
