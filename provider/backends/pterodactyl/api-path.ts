/** Where the Application API lives below the panel's URL. */
export const APPLICATION_API_PATH = "/api/application";
