/**
 * Build log lines a deployment prints as it enters each status, in the style of Scalingo's builder
 * (`<-- … -->` banners, `----->` steps, ` !     ` errors).
 */
export const outputFor = (status: string, app: { name: string; region: string }, gitRef: string): Array<string> => {
  switch (status) {
    case "queued":
      return [`<-- Start deployment of ${app.name} -->`]
    case "building":
      return [
        `       Fetching source code (${gitRef.slice(0, 7)})`,
        "       Fetching deployment cache",
        "-----> Node.js app detected",
        "-----> Installing binaries",
        "       engines.node (package.json):  20.x",
        "-----> Installing dependencies",
        "       added 412 packages in 9s",
        "       Bundle completed (2.64s)"
      ]
    case "pushing":
      return [" Build complete, shipping your container...", " Waiting for your application to boot..."]
    case "starting":
      return [" Starting containers..."]
    case "success":
      return [` <-- https://${app.name}.${app.region}.scalingo.io -->`]
    case "build-error":
      return [
        "-----> Build failed",
        ' !     npm ERR! Missing script: "build"',
        " !     Error deploying the application"
      ]
    case "crashed-error":
      return [" !     Your application crashed while booting, check its logs"]
    case "timeout-error":
      return [" !     Timeout: your application did not bind $PORT within 60 seconds"]
    case "hook-error":
      return [" !     The postdeploy hook failed, the new version was not started"]
    case "aborted":
      return [" !     Deployment aborted"]
    default:
      return []
  }
}
