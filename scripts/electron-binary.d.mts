export function findElectron(): { path: string } | { missing: string }
