<?php
// Reads a post's raw content (block markup) on stdin and checks it with the test site's own
// WordPress: its block parser, its block registry and the attribute schemas registered there.
// Prints one JSON line: every block (name, attributes, depth; a Custom HTML block's HTML too) and
// the problems found:
// - content outside any block (a "Classic" chunk the editor would convert),
// - a block name WordPress has not registered,
// - attributes that are not a JSON object, or unknown to the block, or not of its schema,
// - a block whose wrapper lacks the class its save() always writes (`wp-block-<name>`, and its
//   `className` attribute's classes).
// A Custom HTML block (core/html) is never invalid in the block editor: its save() writes its
// `content` attribute as it is, and that attribute is the block's own HTML (source "html"). What
// it holds is the caller's to check, so it is printed.
$url = getenv('WP_URL');
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
// ABSPATH, the test site's own root, comes from the auto_prepend_file the caller passes.
require ABSPATH . 'wp-load.php';

$registry = WP_Block_Type_Registry::get_instance();
$blocks = [];
$problems = [];

function first_tag_classes($html) {
    if (!preg_match('/^\s*<[a-z0-9]+\b[^>]*?\sclass="([^"]*)"/i', $html, $match)) return [];
    return preg_split('/\s+/', trim($match[1]));
}

function check_block($block, $depth, $registry, &$blocks, &$problems) {
    $name = $block['blockName'];
    if ($name === null) {
        if (trim($block['innerHTML']) !== '') $problems[] = 'Content outside any block: ' . substr(trim($block['innerHTML']), 0, 120);
        return;
    }
    $attrs = $block['attrs'];
    $blocks[] = ['name' => $name, 'attrs' => $attrs, 'depth' => $depth] + ($name === 'core/html' ? ['html' => trim($block['innerHTML'])] : []);
    $type = $registry->get_registered($name);
    if (!$type) {
        $problems[] = "$name is not a block this WordPress has";
        return;
    }
    if (!is_array($attrs)) {
        $problems[] = "$name: its attributes are not a JSON object";
        return;
    }
    foreach ($attrs as $key => $value) {
        $schema = $type->attributes[$key] ?? null;
        if ($schema === null) {
            $problems[] = "$name: no attribute $key";
            continue;
        }
        $valid = rest_validate_value_from_schema($value, array_intersect_key($schema, array_flip(['type', 'enum', 'items', 'properties'])), $key);
        if (is_wp_error($valid)) $problems[] = "$name: " . $valid->get_error_message();
    }
    // The class useBlockProps.save() adds to every block that keeps its class name support.
    $classes = first_tag_classes($block['innerHTML']);
    $expected = [];
    if (($type->supports['className'] ?? true) !== false) {
        $expected[] = 'wp-block-' . preg_replace('#^core/#', '', $name);
    }
    if (isset($attrs['className'])) $expected = array_merge($expected, preg_split('/\s+/', trim($attrs['className'])));
    foreach (array_diff($expected, $classes) as $missing) $problems[] = "$name: its wrapper lacks the class $missing";
    foreach ($block['innerBlocks'] as $inner) check_block($inner, $depth + 1, $registry, $blocks, $problems);
}

foreach (parse_blocks(stream_get_contents(STDIN)) as $block) check_block($block, 0, $registry, $blocks, $problems);
echo json_encode(['blocks' => $blocks, 'problems' => $problems]), "\n";
