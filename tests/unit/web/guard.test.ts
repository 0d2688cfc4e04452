import { describe, expect, it } from 'vitest'
import { createGuard } from '../../../src/web/requestGuard'

const guard = createGuard(5780, 'the-secret-of-this-start')
const cookie = 'verdict-5780=the-secret-of-this-start'
const ok = { host: '127.0.0.1:5780', cookie }

describe('browser mode guard', () => {
  it('lets the app’s own page in, by either loopback name', () => {
    expect(guard.refusal(ok)).toBeNull()
    expect(guard.refusal({ ...ok, host: 'localhost:5780', origin: 'http://localhost:5780', 'sec-fetch-site': 'same-origin' })).toBeNull()
    expect(guard.refusal({ ...ok, cookie: `theme=dark; ${cookie}; other=1` })).toBeNull()
  })

  it('refuses foreign Host names first (DNS rebinding), whatever else the request carries', () => {
    for (const host of ['evil.example:5780', '127.0.0.1', '127.0.0.1:5781', 'localhost.evil.example:5780', '', '[::1]:5780']) {
      expect(guard.refusal({ ...ok, host })?.status, host).toBe(421)
    }
    expect(guard.refusal({ cookie })?.status).toBe(421)
  })

  it('refuses without the key, with a wrong or truncated one, and with another port’s cookie', () => {
    for (const given of [undefined, '', 'verdict-5780=', 'verdict-5780=the-secret-of-this-star', 'verdict-5780=the-secret-of-this-startX', 'verdict-5781=the-secret-of-this-start']) {
      expect(guard.refusal({ host: ok.host, ...(given === undefined ? {} : { cookie: given }) })?.status, String(given)).toBe(403)
    }
  })

  it('refuses other origins and same-site pages on other ports, even carrying the cookie', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:9999', 'null', 'https://127.0.0.1:5780']) {
      expect(guard.refusal({ ...ok, origin })?.status, origin).toBe(403)
    }
    for (const site of ['same-site', 'cross-site']) expect(guard.refusal({ ...ok, 'sec-fetch-site': site })?.status).toBe(403)
    expect(guard.refusal({ ...ok, 'sec-fetch-site': 'none' })).toBeNull()
  })

  it('takes the key from the printed address only when it is exactly this start’s', () => {
    expect(guard.carriesKey(new URL('http://127.0.0.1:5780/?key=the-secret-of-this-start'))).toBe(true)
    expect(guard.carriesKey(new URL('http://127.0.0.1:5780/?key=the-secret'))).toBe(false)
    expect(guard.carriesKey(new URL('http://127.0.0.1:5780/'))).toBe(false)
    expect(guard.sessionCookie()).toBe('verdict-5780=the-secret-of-this-start; Path=/; HttpOnly; SameSite=Strict')
  })

  it('draws a new, long secret at every start', () => {
    const a = createGuard(1).secret
    const b = createGuard(1).secret
    expect(a).not.toBe(b)
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})
