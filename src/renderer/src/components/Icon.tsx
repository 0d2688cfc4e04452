/** Stroke icons drawn on a 24px grid; a path like "M5 6h.01" with round caps draws a dot. */
const PATHS = {
  back: ['m14.5 18-6-6 6-6'],
  plus: ['M12 5v14', 'M5 12h14'],
  search: ['M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'm20 20-4.9-4.9'],
  settings: ['M4 7h9', 'M17 7h3', 'M4 17h3', 'M11 17h9', 'M15 9a2 2 0 1 0 0-4 2 2 0 0 0 0 4z', 'M9 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4z'],
  swap: ['M7 4 3 8l4 4', 'M3 8h14', 'M17 12l4 4-4 4', 'M21 16H7'],
  folder: ['M3 7.5A1.5 1.5 0 0 1 4.5 6H9l2 2h8.5A1.5 1.5 0 0 1 21 9.5v8a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z'],
  open: ['M14 4h6v6', 'M20 4l-8.5 8.5', 'M18 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10'],
  rename: ['M4 20h4L19 9a2.83 2.83 0 0 0-4-4L4 16z', 'M13.5 6.5l4 4'],
  copy: ['M9.5 8h9A1.5 1.5 0 0 1 20 9.5v9a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 8 18.5v-9A1.5 1.5 0 0 1 9.5 8z', 'M16 8V5.5A1.5 1.5 0 0 0 14.5 4h-9A1.5 1.5 0 0 0 4 5.5v9A1.5 1.5 0 0 0 5.5 16H8'],
  trash: ['M4 7h16', 'M10 11v6', 'M14 11v6', 'M6 7l1 12.5A1.5 1.5 0 0 0 8.5 21h7a1.5 1.5 0 0 0 1.5-1.5L18 7', 'M9 7V4.5A1.5 1.5 0 0 1 10.5 3h3A1.5 1.5 0 0 1 15 4.5V7'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  undo: ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  redo: ['m15 14 5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
  bold: ['M7 5h6a3.5 3.5 0 0 1 0 7H7z', 'M7 12h7a3.5 3.5 0 0 1 0 7H7z'],
  italic: ['M19 4h-9', 'M14 20H5', 'M15 4 9 20'],
  strikethrough: ['M4 12h16', 'M16.5 7c-.7-1.5-2.4-2.5-4.5-2.5-2.6 0-4.5 1.4-4.5 3.3 0 1.6 1.2 2.5 3 3.2', 'M8 16.6c.6 1.7 2.3 2.9 4.5 2.9 2.6 0 4.5-1.4 4.5-3.4 0-.9-.3-1.6-.9-2.1'],
  code: ['m16 18 6-6-6-6', 'm8 6-6 6 6 6'],
  link: ['M9.5 14.5l5-5', 'M11 6.5l1.5-1.5a4 4 0 0 1 5.66 5.66L16.5 12.5', 'M13 17.5l-1.5 1.5a4 4 0 0 1-5.66-5.66L7.5 11.5'],
  bulletList: ['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4.5 6h.01', 'M4.5 12h.01', 'M4.5 18h.01'],
  numberList: ['M10 6h10', 'M10 12h10', 'M10 18h10', 'M4 4.5h1.5V9', 'M4 9h3', 'M4 14.6c.2-.9.9-1.4 1.6-1.4.9 0 1.5.6 1.5 1.4 0 1.3-3.1 2-3.1 3.9h3.2'],
  quote: ['M5 5v14', 'M10 8h9', 'M10 12h9', 'M10 16h6'],
  rule: ['M4 12h16', 'M9 6.5h6', 'M9 17.5h6'],
  panel: ['M5.5 4h13A1.5 1.5 0 0 1 20 5.5v13a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 18.5v-13A1.5 1.5 0 0 1 5.5 4z', 'M15 4v16'],
  warning: ['M12 4 2.5 20h19z', 'M12 10v4', 'M12 17h.01'],
  more: ['M5 12h.01', 'M12 12h.01', 'M19 12h.01'],
} as const

export type IconName = keyof typeof PATHS

export function Icon({ name, size = 18 }: { name: IconName; size?: number }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  )
}
