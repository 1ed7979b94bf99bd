/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `next dev` opened at 127.0.0.1 otherwise blocks its own hot-reload requests.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
