import { useId } from 'react'
import type { NodeKey } from 'lexical'
import { IMAGE_WIDTHS, isSafeAssetPath, siteImagePath, type ImageWidth } from '@shared/critic'
import { Icon } from '@renderer/components/Icon'
import { isOption, Options } from '@renderer/components/Options'
import { useEditorServices } from '@renderer/editor/EditorServices'
import { DraftInput, textField } from '@renderer/editor/nodes/fields'
import { RemoveBlockButton } from '@renderer/editor/nodes/RemoveBlockButton'
import { useNodeControl } from '@renderer/editor/nodes/useNodeControl'
import { useShownImage } from '@renderer/editor/nodes/useShownImage'
import { takeAltPrompt } from './altPrompt'
import { $isImageNode, type ImageFields } from './ImageNode'

const CAPTION_FIELD = { key: 'caption', label: 'Caption', placeholder: 'Add a caption', maxLength: 2000 } as const
const CREDIT_FIELD = { key: 'credit', label: 'Credit', placeholder: 'studio, photographer…', maxLength: 300 } as const
// Named by its visible label.
const ALT_FIELD = { key: 'alt', placeholder: 'Describe the image for readers who can’t see it', maxLength: 2000 } as const
const WIDTH_LABELS: Record<ImageWidth, string> = { inline: 'Text width', wide: 'Wide', full: 'Full width' }

interface Props {
  nodeKey: NodeKey
  fields: ImageFields
}

/** A credited figure, edited in place: caption and credit under the image, alt text and layout beside it. */
export default function ImageComponent({ nodeKey, fields }: Props) {
  const { editor, editable, change } = useNodeControl(nodeKey, $isImageNode)
  const services = useEditorServices()
  const widthId = useId()
  const featuredId = useId()
  const altId = useId()
  const altHintId = useId()
  const { src, alt, width } = fields
  const { safe, url, shown, onError } = useShownImage(src)
  const fromSite = siteImagePath(src) !== undefined
  const featured = services.featuredImage === src

  const update = (patch: Partial<ImageFields>) => change((node) => node.setFields(patch))

  return (
    <figure className={`image-figure critic-card critic-fields image-${width}`} role="group" aria-label={alt.trim() ? `Image: ${alt}` : 'Image'}>
      <div className="image-frame">
        {shown ? (
          <img src={url} alt={alt} draggable={false} onError={onError} />
        ) : (
          <div className="image-missing">
            <Icon name="warning" />
            <p>
              {fromSite
                ? `The image file “${src}” is not in this site’s folder (it is looked for where the site keeps its shared images).`
                : safe
                ? `The image file “${src}” is not in this review’s folder.`
                : `“${src}” is not a file inside this review’s folder, so it is not shown. The reference is kept as written.`}
            </p>
          </div>
        )}
        <div className="image-tools">
          <label className="visually-hidden" htmlFor={widthId}>
            Image width
          </label>
          <select id={widthId} value={width} disabled={!editable} onChange={(event) => isOption({ values: IMAGE_WIDTHS }, event.target.value) && update({ width: event.target.value })}>
            <Options values={IMAGE_WIDTHS} label={(option) => WIDTH_LABELS[option]} />
          </select>
          <span className="image-featured">
            <input
              id={featuredId}
              type="checkbox"
              checked={featured}
              // The featured image is a file of the review's own folder (front matter `featuredImage`).
              disabled={!editable || !isSafeAssetPath(src)}
              onChange={(event) => services.setFeaturedImage(event.target.checked ? src : undefined)}
            />
            <label htmlFor={featuredId}>Use as featured image</label>
          </span>
          <RemoveBlockButton nodeKey={nodeKey} label="Remove image" className="image-remove" />
        </div>
      </div>
      <figcaption className="image-caption">
        <DraftInput className="image-caption-input" {...textField(fields, CAPTION_FIELD, editable, update)} />
        <span className="image-credit">
          <span aria-hidden="true">Image:</span>
          <DraftInput className="image-credit-input" {...textField(fields, CREDIT_FIELD, editable, update)} />
        </span>
      </figcaption>
      <div className={`image-alt${alt.trim() ? '' : ' image-alt-missing'}`}>
        <label htmlFor={altId}>Alt text</label>
        <DraftInput
          id={altId}
          ref={(element) => {
            // Asked for when the image is added: describing it is part of adding it.
            if (element && takeAltPrompt(editor, nodeKey)) element.focus()
          }}
          aria-describedby={alt.trim() ? undefined : altHintId}
          {...textField(fields, ALT_FIELD, editable, update)}
        />
        {!alt.trim() && (
          <p id={altHintId} className="image-alt-warning">
            <Icon name="warning" size={14} /> Alt text missing
          </p>
        )}
      </div>
    </figure>
  )
}
