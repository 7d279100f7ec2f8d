import { z } from 'zod';
import { classificationSchema } from '../store/schema';

/**
 * Every message between the extension's contexts. Validated with zod on receipt:
 * anything else is answered with `{ ok: false, error }` and changes nothing.
 */
export const requestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('editor-classified'),
    url: z.string().max(2000),
    classification: classificationSchema,
  }),
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int().optional() }),
  z.object({ type: z.literal('get-status') }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

export type Response<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

export function ok<T>(data: T): Response<T> {
  return { ok: true, data };
}
export function fail(error: string): Response<never> {
  return { ok: false, error };
}
