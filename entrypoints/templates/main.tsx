import ReactDOM from 'react-dom/client';
import '@/components/base.css';
import './editor.css';
import type { CheckResult } from '@/lib/checks/types';
import { send } from '@/lib/messaging/client';
import { getDB } from '@/lib/store/db';
import { EditorApp, SAMPLE_AUTHOR } from './EditorApp';

/** The engine runs in the background (with the spell checker), like the checks in the page. */
const checkText = (text: string, presetId: string) =>
  send<CheckResult>({ type: 'templates-check', text, mode: 'reply', presetId, authorName: SAMPLE_AUTHOR });

ReactDOM.createRoot(document.getElementById('root')!).render(<EditorApp db={getDB()} checkText={checkText} />);
