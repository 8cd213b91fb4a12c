/** The app's page on Scalingo's dashboard. */
export const dashboardUrl = (region: string, app: string) =>
  `https://dashboard.scalingo.com/apps/${encodeURIComponent(region)}/${encodeURIComponent(app)}`
