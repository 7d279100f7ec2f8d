import ReactDOM from 'react-dom/client';
import '@/components/base.css';
import './popup.css';
import { App } from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(<App />);
