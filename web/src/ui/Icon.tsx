import {
  Bell,
  Briefcase,
  Building2,
  CalendarDays,
  ChartColumn,
  ChevronLeft,
  ChevronRight,
  ClipboardCheck,
  GraduationCap,
  HeartHandshake,
  Hourglass,
  House,
  Inbox,
  Landmark,
  Lightbulb,
  type LucideIcon,
  Megaphone,
  MessageCircleQuestion,
  Search,
  Store,
  Table,
  Users,
  X,
} from 'lucide-react';
import './Icon.css';

// The icons the site uses, by what they stand for: the five youth policy fields, the site's sections
// and a few controls. Named imports only, so the bundle holds these icons and no others.
const ICONS = {
  // youth policy fields (web/src/modules/youth/codes.ts POLICY_FIELDS)
  jobs: Briefcase,
  housing: House,
  education: GraduationCap,
  welfare: HeartHandshake,
  participation: Megaphone,
  // sections and things to do
  youth: Lightbulb,
  governance: Users,
  socialEconomy: Store,
  administration: Landmark,
  building: Building2,
  search: Search,
  check: ClipboardCheck,
  question: MessageCircleQuestion,
  calendar: CalendarDays,
  alerts: Bell,
  chart: ChartColumn,
  table: Table,
  empty: Inbox,
  comingSoon: Hourglass,
  // controls
  previous: ChevronLeft,
  next: ChevronRight,
  close: X,
} satisfies Record<string, LucideIcon>;

export type IconName = keyof typeof ICONS;

/**
 * An inline SVG icon in the current text colour. Decorative (hidden from screen readers) unless
 * `label` is given, for an icon that carries meaning on its own.
 */
export function Icon({
  name,
  label,
  size = 'medium',
  className,
}: {
  name: IconName;
  label?: string;
  size?: 'small' | 'medium' | 'large' | 'xlarge';
  className?: string;
}) {
  const Svg = ICONS[name];
  const classes = ['icon', `icon-${size}`, className].filter(Boolean).join(' ');
  return label ? (
    <Svg className={classes} role="img" aria-label={label} focusable="false" strokeWidth={1.75} />
  ) : (
    <Svg className={classes} aria-hidden="true" focusable="false" strokeWidth={1.75} />
  );
}
