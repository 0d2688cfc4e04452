<?php
// Router for PHP's built-in server in front of Debian's WordPress: uploads and themes live in the
// test site's own wp-content (VERDICT_WP_CONTENT), core files are linked from /usr/share/wordpress
// into its document root, and every other address is WordPress's own (pretty permalinks, the REST API).
// PHP applies auto_prepend_file to the scripts it serves but not to the router: take it here too.
require_once getenv('VERDICT_WP_PREPEND');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
$content = realpath(getenv('VERDICT_WP_CONTENT'));

if (str_starts_with($path, '/wp-content/')) {
    $file = realpath($content . substr($path, strlen('/wp-content')));
    // Only plain files inside wp-content (themes are symlinks into the package's copy), never PHP.
    $inside = $file !== false && (str_starts_with($file, $content . '/') || str_starts_with($file, '/usr/share/wordpress/wp-content/'));
    if (!$inside || !is_file($file) || preg_match('/\.ph(p|ar|tml)\d*$/i', $file)) {
        http_response_code(404);
        return true;
    }
    $type = mime_content_type($file) ?: 'application/octet-stream';
    if (str_ends_with($file, '.css')) $type = 'text/css';
    elseif (str_ends_with($file, '.js')) $type = 'text/javascript';
    elseif (str_ends_with($file, '.svg')) $type = 'image/svg+xml';
    header('Content-Type: ' . $type);
    header('Content-Length: ' . filesize($file));
    readfile($file);
    return true;
}

// Existing core files (wp-includes scripts, wp-admin pages, wp-login.php) are served as they are.
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $path)) {
    return false;
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $_SERVER['DOCUMENT_ROOT'] . '/index.php';
require $_SERVER['SCRIPT_FILENAME'];
