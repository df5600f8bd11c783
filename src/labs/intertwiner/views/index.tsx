export default function IntertwinerViews() { return null; }
