import { createApi, type Api } from '@shared/contract'

/** The only module that touches `window.verdict`: the rest of the renderer imports `api` from here. */
export const api: Api = createApi(window.verdict)
