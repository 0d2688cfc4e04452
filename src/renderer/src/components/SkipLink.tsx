/**
 * The first Tab stop of a screen, shown only while focused: it takes the keyboard past the bars to
 * the screen's content.
 */
export function SkipLink({ label, onSkip }: { label: string; onSkip: () => void }) {
  return (
    <a
      className="skip-link"
      href="#"
      onClick={(event) => {
        event.preventDefault()
        onSkip()
      }}
    >
      {label}
    </a>
  )
}
