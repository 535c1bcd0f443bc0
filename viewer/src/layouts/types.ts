/** A layout: node id → position in graph coordinates (sigma's y axis points up). */
export type Positions = Map<string, { x: number; y: number }>;
