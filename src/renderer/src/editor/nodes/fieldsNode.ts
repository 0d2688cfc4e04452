/**
 * What every decorator block (score, image, embed, raw block) shares: a block-level `<div>` that
 * React draws into, and fields held as flat NodeState, each validated by its state's parse. The
 * fields' JSON, clone and import then come from Lexical's `$config`; a node adds only what is its own.
 */
import type { JSX } from 'react'
import { $getDocument, $getState, $setState, DecoratorNode, type LexicalNode, type StateConfig } from 'lexical'

/** A block drawn by React into `<div class="ed-<type>">`, never re-rendered by Lexical itself. */
export class BlockDecoratorNode extends DecoratorNode<JSX.Element> {
  override createDOM(): HTMLElement {
    const div = $getDocument().createElement('div')
    div.className = `ed-${this.getType()}`
    return div
  }

  override updateDOM(): false {
    return false
  }

  override isInline(): false {
    return false
  }
}

type FieldStates<F> = { readonly [K in keyof F & string]: StateConfig<K, F[K]> }

/** A node's fields as NodeState: the `stateConfigs` for its `$config`, and reading and patching them all. */
export function defineFields<F extends object>(states: FieldStates<F>) {
  // `states` has exactly the keys of F (FieldStates), which Object.keys cannot know.
  const keys = Object.keys(states) as Array<keyof F & string>
  return {
    stateConfigs: keys.map((key) => ({ flat: true, stateConfig: states[key] })),
    get(node: LexicalNode): F {
      const latest = node.getLatest()
      // Every key of F has its state, so the entries are the whole of F.
      return Object.fromEntries(keys.map((key) => [key, $getState(latest, states[key])])) as F
    },
    /** Sets the fields present in `patch`, each through its state's parse. */
    set<N extends LexicalNode>(node: N, patch: Partial<F>): N {
      let writable = node.getWritable()
      for (const key of keys) if (key in patch) writable = $setState(writable, states[key], states[key].parse(patch[key]))
      return writable
    },
  }
}

/**
 * Copy and paste through HTML: a block's fields travel as JSON in one attribute of its exported
 * element. Read back, they still go through each state's parse (so the cast asserts no more than
 * an object); undefined when the attribute is not JSON.
 */
export function readFieldsAttribute<F>(element: HTMLElement, attribute: string): Partial<F> | undefined {
  try {
    return JSON.parse(element.getAttribute(attribute) ?? '{}') as Partial<F>
  } catch {
    return undefined
  }
}
