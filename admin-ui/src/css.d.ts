// Vite bundles the stylesheets components import for their side effect; TypeScript only needs
// to know such imports exist.
declare module '*.css';
