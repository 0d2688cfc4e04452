/**
 * A headless Lexical editor with the editor's nodes, for tests of what the renderer does to a
 * document (lexical.test.ts, untouched.test.ts, recovery/deltaSaves.test.ts).
 *
 * The spoiler, pull quote and inline image are the renderer's own nodes (the image draws its React
 * only when shown); the block decorator nodes render React, so stand-ins with the same JSON shapes are used for the raw block, score,
 * image and embed, the score's reading its fields through the editor's parser.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { HorizontalRuleNode } from '@lexical/extension'
import { LinkNode } from '@lexical/link'
import { ListItemNode, ListNode } from '@lexical/list'
import { HeadingNode, QuoteNode } from '@lexical/rich-text'
import {
  DecoratorNode,
  type Klass,
  type LexicalNode,
  type NodeKey,
  type SerializedEditorState,
  type SerializedLexicalNode,
} from 'lexical'
import type { ScoreFields } from '../../../src/shared/critic'
import type { EditorDocument } from '../../../src/shared/document'
import type { EmbedJSON } from '../../../src/blocks/embed/model'
import type { ImageJSON } from '../../../src/blocks/image/model'
import type { ScoreJSON } from '../../../src/blocks/score/model'

/**
 * An editor module (the renderer's, or a block's `editor/`), loaded by a path the type checker does
 * not follow: editor code belongs to the renderer's TypeScript program (DOM typed), not to this Node one.
 */
async function fromRenderer<T>(path: string, name: string): Promise<T> {
  const module = (await import(/* @vite-ignore */ `../../../src/${path}`)) as Record<string, T>
  return module[name]!
}
const SpoilerNode = await fromRenderer<Klass<LexicalNode>>('blocks/spoiler/editor/SpoilerNode', 'SpoilerNode')
const PullQuoteNode = await fromRenderer<Klass<LexicalNode>>('blocks/pullquote/editor/PullQuoteNode', 'PullQuoteNode')
const InlineImageNode = await fromRenderer<Klass<LexicalNode>>('renderer/src/editor/nodes/inline-image/InlineImageNode', 'InlineImageNode')
const parseScoreFields = await fromRenderer<(fields: Partial<Record<keyof ScoreFields, unknown>>) => ScoreFields>(
  'blocks/score/editor/scoreState',
  'parseScoreFields',
)

type SerializedRawBlock = SerializedLexicalNode & { markdown: string }

/** Stand-in for the renderer's raw-block node: a block decorator holding the Markdown. */
class RawBlockNode extends DecoratorNode<null> {
  __markdown: string

  static override getType(): string {
    return 'raw-block'
  }

  static override clone(node: RawBlockNode): RawBlockNode {
    return new RawBlockNode(node.__markdown, node.__key)
  }

  static override importJSON(json: SerializedRawBlock): RawBlockNode {
    return new RawBlockNode(json.markdown)
  }

  constructor(markdown: string, key?: NodeKey) {
    super(key)
    this.__markdown = markdown
  }

  override exportJSON(): SerializedRawBlock {
    return { ...super.exportJSON(), type: 'raw-block', markdown: this.__markdown }
  }

  override decorate(): null {
    return null
  }

  override isInline(): false {
    return false
  }
}

type Fields<T> = Omit<T, 'type' | 'version'>

/** A stand-in for a renderer decorator node that holds its JSON fields as they are. */
function fieldsNode<T extends ScoreJSON | ImageJSON | EmbedJSON>(type: T['type'], parse = (fields: Fields<T>): Fields<T> => fields) {
  class FieldsNode extends DecoratorNode<null> {
    __fields: Fields<T>

    static override getType(): string {
      return type
    }

    static override clone(node: FieldsNode): FieldsNode {
      return new FieldsNode(node.__fields, node.__key)
    }

    static override importJSON(json: SerializedLexicalNode & Fields<T>): FieldsNode {
      const { type: _type, version: _version, ...fields } = structuredClone(json)
      return new FieldsNode(parse(fields as unknown as Fields<T>))
    }

    constructor(fields: Fields<T>, key?: NodeKey) {
      super(key)
      this.__fields = fields
    }

    override exportJSON(): SerializedLexicalNode & Fields<T> {
      return { type, version: 1, ...this.__fields }
    }

    override decorate(): null {
      return null
    }

    override isInline(): false {
      return false
    }
  }
  return FieldsNode
}

// The score's fields go through the editor's own parser (scoreState.ts is plain Lexical state).
const ScoreNode = fieldsNode<ScoreJSON>('score', parseScoreFields)
const ImageNode = fieldsNode<ImageJSON>('image')
const EmbedNode = fieldsNode<EmbedJSON>('embed')

/** A new headless editor with the editor's nodes. */
export function createTestEditor() {
  return createHeadlessEditor({
    nodes: [
      HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, HorizontalRuleNode, RawBlockNode,
      ScoreNode, ImageNode, EmbedNode, SpoilerNode, PullQuoteNode, InlineImageNode,
    ],
    onError: (error) => {
      throw error
    },
  })
}

const editor = createTestEditor()

/** The document as the editor holds it: loaded into Lexical and exported again. */
export function throughLexical(doc: EditorDocument): EditorDocument {
  const state = editor.parseEditorState(doc as unknown as SerializedEditorState)
  return state.toJSON() as unknown as EditorDocument
}

