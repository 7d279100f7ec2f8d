import { z } from 'zod';
import type { AppDB } from '../store/db';
import type { Response } from './messages';

/** Messages of the weekly quota (publish detection, popup). Added to the request union in messages.ts. */
export const quotaRequestSchemas = [
  z.object({ type: z.literal('quota-ping') }),
] as const;
export type QuotaRequest = z.infer<(typeof quotaRequestSchemas)[number]>;

export async function handleQuotaMessage(
  _db: AppDB,
  msg: QuotaRequest,
  _sender: { tabId?: number; url?: string },
): Promise<Response> {
  switch (msg.type) {
    case 'quota-ping':
      return { ok: true, data: 'pong' };
  }
}
