// A minimal Next app, built and started by the server bench beside the dashboard (see app/api/ok).
export default {};
