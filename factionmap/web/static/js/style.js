// How actors and relations look: shape and colour by actor kind, colour by relation type. A module of its own
// (no imports) so the page can build its filters and legend, and start fetching the network, before the graph
// library has loaded.

export const KIND_STYLE = {
  armed_group: { shape: "ellipse", color: "#c0392b" },
  state: { shape: "round-rectangle", color: "#2e6da4" },
  person: { shape: "triangle", color: "#3c8d40" },
  organization: { shape: "diamond", color: "#7f7f7f" },
};

export const TYPE_COLOR = {
  allegiance: "#8e44ad",
  branch_of: "#5b2c6f",
  alliance: "#27ae60",
  joint_operation: "#16a085",
  rivalry: "#e67e22",
  conflict: "#c0392b",
  splinter_of: "#d35400",
  merger: "#2980b9",
  leader_of: "#34495e",
  member_of: "#7f8c8d",
};

export const LINE_STYLE = { uncertain: "dashed", claimed: "dotted" };
