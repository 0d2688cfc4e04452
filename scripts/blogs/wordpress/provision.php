<?php
// Installs the test site and creates an application password without a browser (there is no
// wp-cli on Debian 12). Reads its settings from the environment; prints one JSON line.
$url = getenv('WP_URL');
$host = parse_url($url, PHP_URL_HOST);
$_SERVER['HTTP_HOST'] = $host . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['SERVER_NAME'] = $host;
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);

// ABSPATH, the test site's own root, comes from the auto_prepend_file wordpress.mjs passes.
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

$user = getenv('WP_ADMIN_USER');
if (!is_blog_installed()) {
    // Prints a harmless "sendmail not found" while mailing the (unreachable) admin address.
    ob_start();
    wp_install('Verdict test blog', $user, 'admin@example.com', false, '', getenv('WP_ADMIN_PASSWORD'));
    ob_end_clean();
}

// Setting the option alone leaves post pages 404: the rewrite rules must be rebuilt with it.
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%postname%/');
$wp_rewrite->flush_rules(false);

$account = get_user_by('login', $user);
$created = WP_Application_Passwords::create_new_application_password($account->ID, ['name' => 'verdict-tests']);
if (is_wp_error($created)) {
    fwrite(STDERR, 'No application password: ' . $created->get_error_message() . "\n");
    exit(1);
}
[$password] = $created;
echo json_encode(['userId' => $account->ID, 'applicationPassword' => $password, 'version' => get_bloginfo('version')]), "\n";
