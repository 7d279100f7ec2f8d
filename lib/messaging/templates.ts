import { z } from 'zod';
import type { AppDB } from '../store/db';
import type { Response } from './messages';

/** Messages of reply templates (picker in the page and the popup). Added to the request union in messages.ts. */
export const templatesRequestSchemas = [
  z.object({ type: z.literal('templates-ping') }),
] as const;
export type TemplatesRequest = z.infer<(typeof templatesRequestSchemas)[number]>;

export async function handleTemplatesMessage(
  _db: AppDB,
  msg: TemplatesRequest,
  _sender: { tabId?: number; url?: string },
): Promise<Response> {
  switch (msg.type) {
    case 'templates-ping':
      return { ok: true, data: 'pong' };
  }
}
