import { Component, type ReactNode } from 'react'

interface Props {
  /** Rendered instead of the children once one of them threw while rendering. */
  fallback: (error: Error) => ReactNode
  children: ReactNode
}

/** Keeps a rendering failure in one screen (e.g. a document the editor cannot load) from blanking the app. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children
  }
}
