<?php
// Installs the test site, its Author-role user and an application password for each, without a browser (there is no
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

/** A new application password of the user, or the script ends saying why. */
function application_password(WP_User $account): string {
    $created = WP_Application_Passwords::create_new_application_password($account->ID, ['name' => 'verdict-tests']);
    if (is_wp_error($created)) {
        fwrite(STDERR, 'No application password for ' . $account->user_login . ': ' . $created->get_error_message() . "\n");
        exit(1);
    }
    return $created[0];
}

$account = get_user_by('login', $user);

// The realistic critic: an Author (no unfiltered_html, may not post as anyone else). Created when
// missing, so a site installed before there was one gets it too.
$authorLogin = getenv('WP_AUTHOR_USER');
$author = get_user_by('login', $authorLogin);
if (!$author) {
    $id = wp_insert_user([
        'user_login' => $authorLogin,
        'user_pass' => getenv('WP_AUTHOR_PASSWORD'),
        'user_email' => $authorLogin . '@example.com',
        'display_name' => getenv('WP_AUTHOR_NAME'),
        'role' => 'author',
    ]);
    if (is_wp_error($id)) {
        fwrite(STDERR, 'No Author user: ' . $id->get_error_message() . "\n");
        exit(1);
    }
    $author = get_user_by('id', $id);
}

echo json_encode([
    'userId' => $account->ID,
    'applicationPassword' => application_password($account),
    'author' => ['userId' => $author->ID, 'username' => $authorLogin, 'name' => $author->display_name, 'applicationPassword' => application_password($author)],
    'version' => get_bloginfo('version'),
]), "\n";
