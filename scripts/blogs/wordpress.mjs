// A real WordPress on 127.0.0.1 for the publish tests: Debian's wordpress package on MariaDB, served
// by PHP's built-in server. `start` always gives a fresh site (database dropped and re-created,
// uploads emptied), so tests can count posts and media from zero.
//   node scripts/blogs/wordpress.mjs start|stop|restart
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { clearState, freePort, serverCli, sleep, startDetached, stopGroup, waitHealthy, writeState } from './lib.mjs'

const NAME = 'wordpress'
const DB_GROUP = 'wordpress-db'
const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'mariadb-server', 'php-cli', 'php-curl', 'php-xml', 'php-mbstring', 'php-imagick', 'php-intl']
const CORE = '/usr/share/wordpress'
const CONTENT = '/var/lib/wordpress/wp-content'
// Debian's wp-config.php loads the file named after the request's host (without the port).
const SITE_CONFIG = '/etc/wordpress/config-127.0.0.1.php'
const DB_NAME = 'verdict_wp'
const USERNAME = 'critic'
const HERE = join(import.meta.dirname, 'wordpress')

const started = Date.now()
function step(what) {
  console.log(`wordpress: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options })
}

function installed(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' })
  return result.status === 0 && result.stdout.includes('install ok installed')
}

function ensurePackages() {
  const missing = PACKAGES.filter((pkg) => !installed(pkg))
  if (missing.length === 0) return
  step(`installing ${missing.join(' ')}`)
  // Other apt users may hold the lock for a while: wait for it rather than fail.
  const apt = ['-o', 'DPkg::Lock::Timeout=300', '-o', 'Acquire::Retries=3']
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  if (spawnSync('apt-get', [...apt, 'install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env }).status === 0) return
  execFileSync('apt-get', [...apt, 'update'], { stdio: 'inherit', env })
  execFileSync('apt-get', [...apt, 'install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
}

function databaseUp() {
  return spawnSync('mariadb-admin', ['ping', '--silent'], { stdio: 'ignore' }).status === 0
}

/** MariaDB in its own process group (no systemd here); reused when it already answers. */
async function ensureDatabase() {
  if (databaseUp()) return
  mkdirSync('/run/mysqld', { recursive: true })
  run('chown', ['mysql:mysql', '/run/mysqld'])
  // Only the Unix socket: nothing else on the machine needs a TCP port for it.
  startDetached(DB_GROUP, 'mariadbd', ['--user=mysql', '--skip-networking'])
  const deadline = Date.now() + 60_000
  while (!databaseUp()) {
    if (Date.now() > deadline) throw new Error('MariaDB did not answer within 60 s; see its log in the blogs folder.')
    await sleep(200)
  }
}

function freshDatabase(password) {
  run('mariadb', [
    '-e',
    `DROP DATABASE IF EXISTS ${DB_NAME}; CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4;
     CREATE USER IF NOT EXISTS '${DB_NAME}'@'localhost';
     ALTER USER '${DB_NAME}'@'localhost' IDENTIFIED BY '${password}';
     GRANT ALL ON ${DB_NAME}.* TO '${DB_NAME}'@'localhost';`,
  ])
  rmSync(join(CONTENT, 'uploads'), { recursive: true, force: true })
}

function writeSiteConfig(url, dbPassword) {
  const define = (name, value) => `define(${JSON.stringify(name)}, ${typeof value === 'string' ? `'${value}'` : value});`
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
  const lines = [
    '<?php',
    '// Written by scripts/blogs/wordpress.mjs for the publish tests; replaced on every start.',
    define('DB_NAME', DB_NAME),
    define('DB_USER', DB_NAME),
    define('DB_PASSWORD', dbPassword),
    define('DB_HOST', 'localhost'),
    define('WP_CONTENT_DIR', CONTENT),
    define('WP_HOME', url),
    define('WP_SITEURL', url),
    ...keys.map((key) => define(key, randomBytes(32).toString('hex'))),
    // Application passwords are offered only over https or on a local site.
    define('WP_ENVIRONMENT_TYPE', 'local'),
    // Cron would call back into the server and update checks would hang on the missing internet.
    define('DISABLE_WP_CRON', true),
    define('WP_HTTP_BLOCK_EXTERNAL', true),
    define('AUTOMATIC_UPDATER_DISABLED', true),
    '',
  ]
  writeFileSync(SITE_CONFIG, lines.join('\n'))
}

async function start() {
  ensurePackages()
  step('packages present')
  // Restart cleanly: a fresh site needs a fresh config, database and server.
  await stopGroup(NAME)
  clearState(NAME)
  await ensureDatabase()
  step('MariaDB up')

  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dbPassword = randomBytes(12).toString('hex')
  freshDatabase(dbPassword)
  writeSiteConfig(url, dbPassword)
  const provisioned = JSON.parse(
    run('php', [join(HERE, 'provision.php')], {
      env: { ...process.env, WP_URL: url, WP_ADMIN_USER: USERNAME, WP_ADMIN_PASSWORD: randomBytes(12).toString('hex') },
    })
      .trim()
      .split('\n')
      .pop(),
  )
  step(`WordPress ${provisioned.version} installed`)

  // Workers outlive their parent: setsid puts them all in one group that `stop` ends.
  startDetached(
    NAME,
    'php',
    ['-d', 'upload_max_filesize=64M', '-d', 'post_max_size=64M', '-d', 'memory_limit=256M', '-S', `127.0.0.1:${port}`, '-t', CORE, join(HERE, 'router.php')],
    { env: { PHP_CLI_SERVER_WORKERS: '4' } },
  )
  await waitHealthy(NAME, `${url}/?rest_route=/`, { timeoutMs: 60_000, accept: (status) => status === 200 })
  writeState(NAME, { kind: 'wordpress', url, username: USERNAME, secret: provisioned.applicationPassword })
  step(`serving ${url}`)
}

async function stop() {
  clearState(NAME)
  await stopGroup(NAME)
  await stopGroup(DB_GROUP)
  if (existsSync(SITE_CONFIG)) rmSync(SITE_CONFIG)
  step('stopped')
}

await serverCli(NAME, { start, stop })
