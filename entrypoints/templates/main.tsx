import ReactDOM from 'react-dom/client';
import '@/components/base.css';
import './editor.css';
import { getDB } from '@/lib/store/db';
import { EditorApp } from './EditorApp';

ReactDOM.createRoot(document.getElementById('root')!).render(<EditorApp db={getDB()} />);
