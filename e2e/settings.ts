/** The key the test server holds; tests prove it never reaches the browser. */
export const E2E_API_KEY = 'konpro_e2e_key_5d1c0f9a';
