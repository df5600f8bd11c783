export default function SpotlightViews() { return null; }
