import type { CSSProperties, ReactElement } from 'react';

/*
 * A small stroke icon set (24×24 grid, 1.75 stroke, currentColor), drawn for this app so the
 * dashboard needs no icon package. Each icon is a list of SVG path/shape elements.
 */
const shapes = {
  home: ['M3 10.5 12 3l9 7.5', 'M5 9v11h14V9', 'M10 20v-6h4v6'],
  briefcase: ['M3 7h18v13H3z', 'M8 7V4h8v3', 'M3 13h18'],
  checklist: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M3.5 6l1.5 1.5L7.5 5', 'M3.5 12l1.5 1.5 2.5-2.5', 'M3.5 18l1.5 1.5 2.5-2.5'],
  stamp: ['M9 3h6v5l2 4H7l2-4z', 'M5 12h14v4H5z', 'M4 20h16'],
  alert: ['M12 3 2 20h20z', 'M12 10v4', 'M12 17v.5'],
  bell: ['M6 9a6 6 0 0 1 12 0c0 6 2.5 7.5 2.5 7.5h-17S6 15 6 9', 'M10 20a2 2 0 0 0 4 0'],
  globe: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M3 12h18', 'M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z'],
  user: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21c0-4 3.5-6.5 8-6.5s8 2.5 8 6.5'],
  logout: ['M10 4H5v16h5', 'M15 8l4 4-4 4', 'M19 12H9'],
  plus: ['M12 5v14', 'M5 12h14'],
  upload: ['M12 16V4', 'M7 9l5-5 5 5', 'M4 16v4h16v-4'],
  camera: ['M3 8h4l2-3h6l2 3h4v11H3z', 'M12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z'],
  download: ['M12 4v12', 'M7 11l5 5 5-5', 'M4 16v4h16v-4'],
  file: ['M6 3h8l5 5v13H6z', 'M14 3v5h5', 'M9 13h7', 'M9 17h7'],
  pause: ['M9 5v14', 'M15 5v14'],
  play: ['M7 4l13 8-13 8z'],
  refresh: ['M20 11a8 8 0 0 0-14.9-3.5', 'M4 4v4h4', 'M4 13a8 8 0 0 0 14.9 3.5', 'M20 20v-4h-4'],
  search: ['M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14z', 'M16 16l5 5'],
  clock: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M12 7v5l3 2'],
  back: ['M15 5l-7 7 7 7'],
  team: ['M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z', 'M2.5 20c0-3.5 3-5.5 6.5-5.5s6.5 2 6.5 5.5', 'M16 4.5a3.5 3.5 0 0 1 0 6.5', 'M18 14.5c2 .6 3.5 2.4 3.5 5.5'],
  history: ['M3 12a9 9 0 1 0 3-6.7', 'M3 4v5h5', 'M12 8v4l3 2'],
  check: ['M5 12.5l4.5 4.5L19 7'],
  lock: ['M6 11h12v9H6z', 'M8.5 11V8a3.5 3.5 0 0 1 7 0v3'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  fold: ['M4 6h16', 'M10 12h10', 'M4 18h16', 'M7 10l-3 2 3 2'],
  unfold: ['M4 6h16', 'M4 12h10', 'M4 18h16', 'M17 10l3 2-3 2'],
  swap: ['M4 8h13', 'M14 5l3 3-3 3', 'M20 16H7', 'M10 13l-3 3 3 3'],
  comment: ['M4 5h16v11H9l-5 4z'],
  eye: ['M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z', 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z'],
  flag: ['M5 21V4', 'M5 4h12l-2 4 2 4H5'],
  dot: ['M12 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4z'],
  book: ['M5 5a2 2 0 0 1 2-2h12v15H7a2 2 0 0 0-2 2z', 'M5 20a2 2 0 0 0 2 1h12v-3', 'M9 7h6', 'M9 10.5h4'],
  edit: ['M4 20h4L19 9l-4-4L4 16z', 'M13 7l4 4'],
  trash: ['M4 7h16', 'M9 7V4h6v3', 'M6 7l1 13h10l1-13'],
  up: ['M12 19V5', 'M6 11l6-6 6 6'],
  down: ['M12 5v14', 'M6 13l6 6 6-6'],
  columns: ['M3 4h8v16H3z', 'M13 4h8v16h-8z'],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof shapes;

export function Icon({ name, size = 16, style, title }: { name: IconName; size?: number; style?: CSSProperties; title?: string }): ReactElement {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={title ? 'img' : undefined}
      aria-hidden={title ? undefined : true}
      aria-label={title}
      className="gz-icon"
      style={{ verticalAlign: '-0.2em', flex: 'none', ...style }}
    >
      {shapes[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
