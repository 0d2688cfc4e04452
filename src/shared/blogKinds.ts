/**
 * Everything the app says and asks about each kind of blog, in one place: the Blogs dialog, the
 * blog list, the publish service's messages, the blog store and the contract's check of a blog all
 * read it. A new kind of blog is its entry in `DESCRIPTORS` here plus its target file in main's
 * `services/publish/targets/` (tsc asks for the file once the entry is in).
 */

export interface BlogKindDescriptor {
  label: string
  /** One line under the kind's name when choosing it. */
  hint: string
  /** A folder on this computer (chosen with a picker, no sign-in) or a site on the web. */
  place: 'folder' | 'web'
  /** Under the address field. */
  addressHint: string
  /** What it signs in with, as a field label and inside a sentence; none for a folder. */
  secret?: { label: string; name: string }
  /** Whether the secret belongs to a user name the critic enters too. */
  needsUserName: boolean
  /** The form the post's HTML takes on this kind of blog. */
  post: PostForm
  /**
   * The blog's pages carry structured data of their own naming the post's author (Ghost's
   * Article): where that is the account and the post names the review's author, Verdict's Review
   * leaves its author out rather than contradict it.
   */
  authorInPageData: boolean
}

/**
 * The per-target form of a post's HTML (each critic block's renderer reads it): what the page
 * around the post is, so the post reads and fits there as it does in Verdict's own page.
 */
export interface PostForm {
  /**
   * Whose stylesheet styles the post. Verdict's themes know its classes and put the spoiler notice
   * in their header; a blog's theme knows neither, so there the blocks carry minimal inline styles
   * (ones a blog's content filter keeps) and the notice opens the body.
   */
  theme: 'verdict' | 'blog'
  /**
   * Where the page shows the featured image: above the post with its caption and credit (`header`:
   * the body leaves that figure out), above the post without them (`header-uncaptioned`: the body
   * keeps only the figure's caption and credit line), or only where the body has it (`body`).
   */
  featuredImage: 'header' | 'header-uncaptioned' | 'body'
  /** `wordpress`: images of the media library carry `wp-image-<id>`, whose sizes WordPress fills in. */
  mediaClass: 'none' | 'wordpress'
  /**
   * The shape the body is sent in, so the blog's editor and theme treat it as their own: plain HTML,
   * WordPress's block markup (`<!-- wp:paragraph -->`…), or HTML in the shape of Ghost's cards
   * (`kg-image-card`, `kg-toggle-card`…), which Ghost turns into its cards.
   */
  markup: 'html' | 'wordpress-blocks' | 'ghost-cards'
  /** The classes of the figure the kind's themes show the featured image in, for a blog-look page whose post had none. */
  featuredFigure?: readonly string[]
}

/** Verdict's own page (the preview, the exports and the folder blog): its header shows the featured image. */
export const VERDICT_PAGE: PostForm = { theme: 'verdict', featuredImage: 'header', mediaClass: 'none', markup: 'html' }

/**
 * A blog on the web: signed in with a secret, at an https address, and unless it says otherwise
 * without a user name or structured data of its own naming the author.
 */
function webKind(
  kind: Pick<BlogKindDescriptor, 'label' | 'hint' | 'post'> & Required<Pick<BlogKindDescriptor, 'secret'>> & Partial<Pick<BlogKindDescriptor, 'addressHint' | 'needsUserName' | 'authorInPageData'>>,
): BlogKindDescriptor {
  return { place: 'web', addressHint: 'https://… (plain http only for a blog on this computer).', needsUserName: false, authorInPageData: false, ...kind }
}

/** The kinds of blog, in the order the Blogs dialog offers them: the only list of them. */
const DESCRIPTORS = {
  folder: {
    label: 'Folder',
    hint: 'Publish to a folder on this computer (GitHub Pages, Netlify…)',
    place: 'folder',
    addressHint: 'A folder outside the library; the page, its images, index.html and feed.xml go there.',
    needsUserName: false,
    post: VERDICT_PAGE,
    authorInPageData: false,
  },
  wordpress: webKind({
    label: 'WordPress',
    hint: 'A WordPress site, signed in with an application password',
    secret: { label: 'Application password', name: 'application password' },
    needsUserName: true,
    // Twenty Twenty-Three shows the featured image above the title, without its caption.
    post: { theme: 'blog', featuredImage: 'header-uncaptioned', mediaClass: 'wordpress', markup: 'wordpress-blocks', featuredFigure: ['wp-block-post-featured-image'] },
  }),
  ghost: webKind({
    label: 'Ghost',
    hint: 'A Ghost site, signed in with an Admin API key',
    secret: { label: 'Admin API key', name: 'Admin API key' },
    // Casper and Source show `feature_image` above the post, with its caption (which carries the credit).
    post: { theme: 'blog', featuredImage: 'header', mediaClass: 'none', markup: 'ghost-cards', featuredFigure: ['gh-article-image', 'article-image'] },
    // Its `ghost_head` writes an Article naming the post's primary author.
    authorInPageData: true,
  }),
  micropub: webKind({
    label: 'Micropub',
    hint: 'Any Micropub site (IndieWeb), signed in with an access token',
    addressHint: 'The site’s home page (its Micropub endpoint is found from it), or the endpoint itself.',
    secret: { label: 'Access token', name: 'access token' },
    // A Micropub site shows the `photo`s the content does not already hold: the figure stays in the body, credit and all.
    post: { theme: 'blog', featuredImage: 'body', mediaClass: 'none', markup: 'html', featuredFigure: ['u-photo'] },
  }),
} satisfies Record<string, BlogKindDescriptor>

export type BlogKind = keyof typeof DESCRIPTORS

export const BLOG_KIND_DESCRIPTORS: Readonly<Record<BlogKind, BlogKindDescriptor>> = DESCRIPTORS

function isBlogKind(value: string): value is BlogKind {
  return Object.hasOwn(DESCRIPTORS, value)
}

/** The kinds' names, in their descriptors' order (the contract's `z.enum` of a blog's kind). */
export const BLOG_KINDS: readonly BlogKind[] = Object.keys(DESCRIPTORS).filter(isBlogKind)

/** The kind's secret inside a sentence: "enter the application password again". */
export function secretName(kind: BlogKind): string {
  return BLOG_KIND_DESCRIPTORS[kind].secret?.name ?? 'sign-in details'
}

/** Whether the kind signs in at all (a folder does not). */
export function signsIn(kind: BlogKind): boolean {
  return BLOG_KIND_DESCRIPTORS[kind].secret !== undefined
}
