import { z } from 'zod';

/** zod schemas of everything stored in IndexedDB. Shared by the database, backup and messages. */

export const networkSchema = z.enum(['vk', 'ok']);
export type Network = z.infer<typeof networkSchema>;

export const responsibleSchema = z.object({
  name: z.string().max(200).default(''),
  post: z.string().max(200).default(''),
  phone: z.string().max(100).default(''),
  email: z.string().max(200).default(''),
});

export const pageSchema = z.object({
  id: z.number().int().positive().optional(),
  network: networkSchema,
  /** VK: positive group id ("123" for club123 / -123 walls); OK: group id. */
  communityId: z.string().min(1).max(64),
  address: z.string().max(500),
  name: z.string().max(300),
  presetId: z.string().max(64),
  organization: z.string().max(300).default(''),
  phone: z.string().max(100).default(''),
  site: z.string().max(500).default(''),
  responsible: responsibleSchema.default({ name: '', post: '', phone: '', email: '' }),
  addedAt: z.number(),
  addressHistory: z.array(z.object({ address: z.string().max(500), changedAt: z.number() })).default([]),
});
export type OfficialPage = z.infer<typeof pageSchema>;

export const postSchema = z.object({
  id: z.number().int().positive().optional(),
  pageId: z.number().int().positive(),
  /** Unix ms when the post went out (scheduled posts: when they go out). */
  publishedAt: z.number(),
  excerpt: z.string().max(500),
  textHash: z.string().max(128),
  postId: z.string().max(64).optional(),
  source: z.enum(['detected', 'manual']),
  /** Unique: page + postId when known, else page + text hash + 10-minute bucket (`makeDedupeKey` in queries.ts). */
  dedupeKey: z.string().max(256),
});
export type PostRecord = z.infer<typeof postSchema>;

export const settingSchema = z.object({ key: z.string().max(100), value: z.unknown() });
export type Setting = z.infer<typeof settingSchema>;

export const dictionaryWordSchema = z.object({ word: z.string().min(1).max(100), addedAt: z.number() });
export type DictionaryWord = z.infer<typeof dictionaryWordSchema>;

export const templateCategorySchema = z.enum([
  'по существу',
  'промежуточный',
  'уточнение',
  'перенаправление',
  'благодарность',
  'отказ с объяснением',
  'другое',
]);

export const templateSchema = z.object({
  id: z.number().int().positive().optional(),
  title: z.string().min(1).max(200),
  text: z.string().min(1).max(16000),
  category: templateCategorySchema,
  tags: z.array(z.string().max(50)).max(30).default([]),
  useCount: z.number().int().nonnegative().default(0),
  lastUsed: z.number().nullable().default(null),
  builtin: z.boolean().default(false),
});
export type Template = z.infer<typeof templateSchema>;

export const editorKindSchema = z.enum(['post', 'comment', 'message']);
export type EditorKind = z.infer<typeof editorKindSchema>;

export const classificationSchema = z.object({
  network: networkSchema,
  kind: editorKindSchema,
  communityId: z.string().max(64),
  postId: z.string().max(64).optional(),
  replyTo: z.object({ authorName: z.string().max(200), commentId: z.string().max(64) }).optional(),
});
export type Classification = z.infer<typeof classificationSchema>;

export const tabStateSchema = z.object({
  tabId: z.number().int(),
  url: z.string().max(2000),
  classification: classificationSchema,
  at: z.number(),
});
export type TabState = z.infer<typeof tabStateSchema>;
