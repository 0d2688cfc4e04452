import { useId, useRef, useState, type KeyboardEvent } from 'react'
import { TableHead } from '@renderer/components/TableHead'
import type { Bar, Chart } from './archiveCharts'

/**
 * One chart as a figure: the bars drawn as SVG, and the same numbers as a table beside them.
 * Hand-drawn rather than a chart library: bars are rectangles whose length is a division, and
 * every chart library worth having weighs more than this whole view.
 *
 * Bars that list their reviews are buttons (click, or Enter/Space); the bars of a chart are one Tab
 * stop, Left/Right (Up/Down) and Home/End move between them, so a chart of 120 months is not 120 stops.
 */
export function BarChart({ chart, onFilter }: { chart: Chart; onFilter: (query: string) => void }) {
  const titleId = useId()
  const [active, setActive] = useState(0)
  const bars = useRef<Array<SVGGElement | null>>([])
  const clickable = chart.bars.flatMap((bar, index) => (bar.query ? [index] : []))
  const stop = clickable.includes(active) ? active : clickable[0]

  const move = (event: KeyboardEvent<SVGSVGElement>) => {
    const at = clickable.indexOf(stop ?? -1)
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown' ? clickable[Math.min(at + 1, clickable.length - 1)]
      : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? clickable[Math.max(at - 1, 0)]
      : event.key === 'Home' ? clickable[0]
      : event.key === 'End' ? clickable.at(-1)
      : undefined
    if (next === undefined) return
    event.preventDefault()
    setActive(next)
    bars.current[next]?.focus()
  }
  const press = (bar: Bar) => (event: KeyboardEvent<SVGGElement>) => {
    if (bar.query && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault()
      onFilter(bar.query)
    }
  }

  const geometry = chart.layout === 'columns' ? columns(chart) : rows(chart)
  return (
    <figure className="archive-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="archive-chart-title">
        {chart.title}
      </figcaption>
      <div className="archive-chart-body">
        <svg
          className="archive-bars"
          role="group"
          aria-label={`${chart.title}: bars`}
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          preserveAspectRatio="none"
          // Rows keep their height as drawn; columns stretch to the view's width.
          style={chart.layout === 'rows' ? { height: geometry.height } : undefined}
          onKeyDown={move}
        >
          {chart.bars.map((bar, index) => {
            const box = geometry.bar(index, bar.value)
            const name = `${bar.label}: ${bar.cells.join(', ')}`
            return bar.query ? (
              <g
                key={bar.label}
                ref={(element) => {
                  bars.current[index] = element
                }}
                role="button"
                aria-label={name}
                tabIndex={index === stop ? 0 : -1}
                className="archive-bar archive-bar-link"
                onClick={() => onFilter(bar.query!)}
                onKeyDown={press(bar)}
                onFocus={() => setActive(index)}
              >
                {/* The whole slot takes the click, so a short bar is as easy to hit as a long one. */}
                <rect {...box.slot} className="archive-bar-slot" />
                <rect {...box.fill} className="archive-bar-fill" />
                <title>{name}</title>
              </g>
            ) : (
              <g key={bar.label} className="archive-bar" aria-hidden="true">
                <rect {...box.fill} className="archive-bar-fill" />
              </g>
            )
          })}
          {/* The axis the bars stand on (columns) or start from (rows). */}
          {chart.layout === 'columns' ? (
            <line x1={0} y1={geometry.height} x2={geometry.width} y2={geometry.height} className="archive-axis" />
          ) : (
            <line x1={0} y1={0} x2={0} y2={geometry.height} className="archive-axis" />
          )}
        </svg>
        <table className="archive-table">
          <TableHead columns={chart.columns} />
          <tbody>
            {chart.bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.label}</th>
                {bar.cells.map((cell, index) => (
                  <td key={index}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}

interface Box {
  x: number
  y: number
  width: number
  height: number
}

interface Geometry {
  width: number
  height: number
  bar: (index: number, value: number) => { slot: Box; fill: Box }
}

const COLUMN_HEIGHT = 120
const ROW_HEIGHT = 18
const WIDTH = 400

/** Upright bars side by side, the chart as wide as the view: periods and bands. */
function columns(chart: Chart): Geometry {
  const max = chart.max ?? Math.max(1, ...chart.bars.map((bar) => bar.value))
  const step = WIDTH / Math.max(1, chart.bars.length)
  const gap = Math.min(2, step / 4)
  return {
    width: WIDTH,
    height: COLUMN_HEIGHT,
    bar: (index, value) => {
      const height = (value / max) * COLUMN_HEIGHT
      return {
        slot: { x: index * step, y: 0, width: step, height: COLUMN_HEIGHT },
        fill: { x: index * step + gap / 2, y: COLUMN_HEIGHT - height, width: step - gap, height },
      }
    },
  }
}

/** One bar per line, left to right: names (kinds, creators, tags); their labels are in the table beside. */
function rows(chart: Chart): Geometry {
  const max = chart.max ?? Math.max(1, ...chart.bars.map((bar) => bar.value))
  const height = ROW_HEIGHT * chart.bars.length
  return {
    width: WIDTH,
    height,
    bar: (index, value) => ({
      slot: { x: 0, y: index * ROW_HEIGHT, width: WIDTH, height: ROW_HEIGHT },
      fill: { x: 0, y: index * ROW_HEIGHT + 3, width: (value / max) * WIDTH, height: ROW_HEIGHT - 6 },
    }),
  }
}
