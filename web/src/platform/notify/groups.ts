import type { NotificationItem } from '../../api/notify.ts';

export interface NotificationGroup {
  /** The heading ('정책 알림', '답변'), as the server words it in the page language. */
  category: string;
  items: NotificationItem[];
  unread: number;
}

/** Notifications gathered under their heading; groups in the order of their newest (the list comes newest first). */
export function byCategory(items: readonly NotificationItem[]): NotificationGroup[] {
  const groups = new Map<string, NotificationGroup>();
  for (const n of items) {
    let group = groups.get(n.category);
    if (!group) {
      group = { category: n.category, items: [], unread: 0 };
      groups.set(n.category, group);
    }
    group.items.push(n);
    if (!n.readAt) group.unread++;
  }
  return [...groups.values()];
}
