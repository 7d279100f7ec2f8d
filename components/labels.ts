import type { Classification } from '@/lib/store/schema';

export const NETWORK_LABEL: Record<Classification['network'], string> = { vk: 'ВКонтакте', ok: 'Одноклассники' };
export const KIND_LABEL: Record<Classification['kind'], string> = {
  post: 'новый пост',
  comment: 'комментарий',
  message: 'сообщение',
};

/** «ВКонтакте, комментарий, сообщество 123, пост -123_456, ответ: Анна Смирнова». */
export function describeClassification(c: Classification): string {
  const parts = [NETWORK_LABEL[c.network], KIND_LABEL[c.kind]];
  if (c.communityId) parts.push(`сообщество ${c.communityId}`);
  if (c.postId) parts.push(`пост ${c.postId}`);
  if (c.replyTo) parts.push(`ответ: ${c.replyTo.authorName}`);
  return parts.join(', ');
}
