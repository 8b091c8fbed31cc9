// The AWS SDK warns on Node.js 20 that its releases after January 2027 need Node.js 22. The
// version is pinned in package.json and Lambda runs Node.js 24, so the warning is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
