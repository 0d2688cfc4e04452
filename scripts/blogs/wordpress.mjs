// A real WordPress on 127.0.0.1 for the publish tests: Debian's wordpress package on a MariaDB
// server of its own, served by PHP's built-in server. Everything a site holds lives in this run's
// blogs folder (BLOGS_DIR): the database files, the configuration, wp-content with its uploads. The
// system's WordPress and MariaDB are only read, so runs side by side, or a developer's own
// WordPress, never see each other. `start` always gives a fresh, empty site.
//   node scripts/blogs/wordpress.mjs start|stop|restart
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BLOGS_DIR, clearState, freePort, serverCli, sleep, startDetached, stopGroup, waitHealthy, writeState } from './lib.mjs'
import { aptGet } from '../debianPackage.mjs'

const NAME = 'wordpress'
const DB_GROUP = 'wordpress-db'
const PACKAGES = ['wordpress', 'wordpress-theme-twentytwentythree', 'mariadb-server', 'php-cli', 'php-curl', 'php-xml', 'php-mbstring', 'php-imagick', 'php-intl']
const CORE = '/usr/share/wordpress'
const SITE = join(BLOGS_DIR, 'wordpress-site')
/** The document root: links to the package's core files, and a wp-config.php of this site's own. */
const ROOT = join(SITE, 'root')
const CONTENT = join(SITE, 'wp-content')
const DATA = join(SITE, 'db')
const SOCKET = join(SITE, 'mysqld.sock')
/**
 * Debian's wp-config.php picks a config file from /etc/wordpress by host name; the core files find
 * wp-config.php beside their real path. Defining ABSPATH first, in a file PHP prepends to every
 * script, points WordPress at this site's own root and configuration instead.
 */
const PREPEND = join(SITE, 'prepend.php')
const DB_NAME = 'verdict_wp'
const USERNAME = 'critic'
/** An Author-role account, named as the test reviews' critic: the blog user a review by her is matched with. */
const AUTHOR = { username: 'tian', name: 'Tian Hanutsaha' }
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
  const install = ['install', '-y', '--no-install-recommends', ...missing]
  if (aptGet(install, { check: false })) return
  aptGet(['update'])
  aptGet(install)
}

function sql(statements) {
  return run('mariadb', [`--socket=${SOCKET}`, '-e', statements])
}

function databaseUp() {
  return spawnSync('mariadb-admin', [`--socket=${SOCKET}`, 'ping', '--silent'], { stdio: 'ignore' }).status === 0
}

/** A MariaDB of this run's own: its files in SITE, only a Unix socket there, its own process group. */
async function startDatabase() {
  mkdirSync(DATA, { recursive: true })
  // The server runs as the mysql user: it must reach its folder inside this run's (private) one.
  chmodSync(BLOGS_DIR, 0o711)
  run('chown', ['-R', 'mysql:mysql', SITE])
  run('mariadb-install-db', ['--user=mysql', `--datadir=${DATA}`, '--auth-root-authentication-method=socket', '--skip-test-db'])
  startDetached(DB_GROUP, 'mariadbd', [
    '--no-defaults',
    '--user=mysql',
    `--datadir=${DATA}`,
    `--socket=${SOCKET}`,
    `--pid-file=${join(SITE, 'mysqld.pid')}`,
    '--skip-networking',
    '--skip-log-bin',
  ])
  const deadline = Date.now() + 120_000
  while (!databaseUp()) {
    if (Date.now() > deadline) throw new Error(`MariaDB did not answer within 120 s; see ${DB_GROUP}.log in ${BLOGS_DIR}.`)
    await sleep(200)
  }
}

function createDatabase(password) {
  sql(`CREATE DATABASE ${DB_NAME} CHARACTER SET utf8mb4;
       CREATE USER '${DB_NAME}'@'localhost' IDENTIFIED BY '${password}';
       GRANT ALL ON ${DB_NAME}.* TO '${DB_NAME}'@'localhost';`)
}

/** The site's own document root, wp-content and configuration (the package's files are linked, never changed). */
function writeSite(url, dbPassword) {
  mkdirSync(ROOT, { recursive: true })
  for (const name of readdirSync(CORE)) if (name !== 'wp-config.php' && name !== '.htaccess') symlinkSync(join(CORE, name), join(ROOT, name))
  for (const folder of ['themes', 'plugins']) {
    mkdirSync(join(CONTENT, folder), { recursive: true })
    for (const name of readdirSync(join(CORE, 'wp-content', folder))) symlinkSync(join(CORE, 'wp-content', folder, name), join(CONTENT, folder, name))
  }
  mkdirSync(join(CONTENT, 'uploads'), { recursive: true })
  writeFileSync(PREPEND, `<?php\nif (!defined('ABSPATH')) define('ABSPATH', ${JSON.stringify(`${ROOT}/`)});\n`)

  const define = (name, value) => `define(${JSON.stringify(name)}, ${typeof value === 'string' ? JSON.stringify(value) : value});`
  const keys = ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT']
  const lines = [
    '<?php',
    '// Written by scripts/blogs/wordpress.mjs for this test run only.',
    define('DB_NAME', DB_NAME),
    define('DB_USER', DB_NAME),
    define('DB_PASSWORD', dbPassword),
    define('DB_HOST', `localhost:${SOCKET}`),
    define('WP_CONTENT_DIR', CONTENT),
    define('WP_CONTENT_URL', `${url}/wp-content`),
    define('WP_HOME', url),
    define('WP_SITEURL', url),
    ...keys.map((key) => define(key, randomBytes(32).toString('hex'))),
    // Application passwords are offered only over https or on a local site.
    define('WP_ENVIRONMENT_TYPE', 'local'),
    // Cron would call back into the server and update checks would hang on the missing internet.
    define('DISABLE_WP_CRON', true),
    define('WP_HTTP_BLOCK_EXTERNAL', true),
    define('AUTOMATIC_UPDATER_DISABLED', true),
    "$table_prefix = 'wp_';",
    "require_once ABSPATH . 'wp-settings.php';",
    '',
  ]
  writeFileSync(join(ROOT, 'wp-config.php'), lines.join('\n'))
}

async function start() {
  ensurePackages()
  step('packages present')
  // Restart cleanly: a fresh site needs a fresh database, configuration and server.
  await stop()
  await startDatabase()
  step('MariaDB up')

  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const dbPassword = randomBytes(12).toString('hex')
  createDatabase(dbPassword)
  writeSite(url, dbPassword)
  const php = ['-d', `auto_prepend_file=${PREPEND}`]
  const provisioned = JSON.parse(
    run('php', [...php, join(HERE, 'provision.php')], {
      env: {
        ...process.env,
        WP_URL: url,
        WP_ADMIN_USER: USERNAME,
        WP_ADMIN_PASSWORD: randomBytes(12).toString('hex'),
        WP_AUTHOR_USER: AUTHOR.username,
        WP_AUTHOR_NAME: AUTHOR.name,
        WP_AUTHOR_PASSWORD: randomBytes(12).toString('hex'),
      },
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
    [...php, '-d', 'upload_max_filesize=64M', '-d', 'post_max_size=64M', '-d', 'memory_limit=256M', '-S', `127.0.0.1:${port}`, '-t', ROOT, join(HERE, 'router.php')],
    { env: { PHP_CLI_SERVER_WORKERS: '4', VERDICT_WP_CONTENT: CONTENT, VERDICT_WP_PREPEND: PREPEND } },
  )
  await waitHealthy(NAME, `${url}/?rest_route=/`, { timeoutMs: 60_000, accept: (status) => status === 200 })
  // `prepend`: what a PHP script passes as auto_prepend_file to load this site (blocks.php checks a post's blocks with it).
  writeState(NAME, {
    kind: 'wordpress',
    url,
    username: USERNAME,
    secret: provisioned.applicationPassword,
    author: { username: provisioned.author.username, name: provisioned.author.name, secret: provisioned.author.applicationPassword },
    prepend: PREPEND,
  })
  step(`serving ${url}`)
}

async function stop() {
  clearState(NAME)
  await stopGroup(NAME)
  await stopGroup(DB_GROUP)
  rmSync(SITE, { recursive: true, force: true })
  step('stopped')
}

await serverCli(NAME, { start, stop })
