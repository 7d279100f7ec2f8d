import { browser } from 'wxt/browser';
import type { Request, Response } from './messages';

/** Sends a typed request to the background; resolves with its data or rejects with its Russian error. */
export async function send<T>(req: Request): Promise<T> {
  const res = (await browser.runtime.sendMessage(req)) as Response<T> | undefined;
  if (!res) throw new Error('Фоновая часть расширения не ответила.');
  if (!res.ok) throw new Error(res.error);
  return res.data;
}
