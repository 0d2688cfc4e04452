/**
 * Everything the app says and asks about each kind of blog, in one place: the Blogs dialog, the
 * blog list, the publish service's messages and the blog store all read it. A new kind of blog is
 * its name and its descriptor here plus its target file in main's `services/publish/targets/`
 * (tsc asks for both once the name is in BLOG_KINDS).
 */

export const BLOG_KINDS = ['folder', 'wordpress', 'ghost', 'micropub'] as const
export type BlogKind = (typeof BLOG_KINDS)[number]

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
}

export const BLOG_KIND_DESCRIPTORS: Record<BlogKind, BlogKindDescriptor> = {
  folder: {
    label: 'Folder',
    hint: 'Publish to a folder on this computer (GitHub Pages, Netlify…)',
    place: 'folder',
    addressHint: 'A folder outside the library; the page, its images, index.html and feed.xml go there.',
    needsUserName: false,
  },
  wordpress: {
    label: 'WordPress',
    hint: 'A WordPress site, signed in with an application password',
    place: 'web',
    addressHint: 'https://… (plain http only for a blog on this computer).',
    secret: { label: 'Application password', name: 'application password' },
    needsUserName: true,
  },
  ghost: {
    label: 'Ghost',
    hint: 'A Ghost site, signed in with an Admin API key',
    place: 'web',
    addressHint: 'https://… (plain http only for a blog on this computer).',
    secret: { label: 'Admin API key', name: 'Admin API key' },
    needsUserName: false,
  },
  micropub: {
    label: 'Micropub',
    hint: 'Any Micropub site (IndieWeb), signed in with an access token',
    place: 'web',
    addressHint: 'The site’s home page (its Micropub endpoint is found from it), or the endpoint itself.',
    secret: { label: 'Access token', name: 'access token' },
    needsUserName: false,
  },
}

/** The kind's secret inside a sentence: "enter the application password again". */
export function secretName(kind: BlogKind): string {
  return BLOG_KIND_DESCRIPTORS[kind].secret?.name ?? 'sign-in details'
}

/** Whether the kind signs in at all (a folder does not). */
export function signsIn(kind: BlogKind): boolean {
  return BLOG_KIND_DESCRIPTORS[kind].secret !== undefined
}
