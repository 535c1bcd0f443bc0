/** The small magnet chain the flow tests work out by hand. */
export const TWO_MAKERS = `
  ndpr [mine CN output=NdPr capacity=100]
  dytb [mine MM output=DyTb capacity=1]
  mag [magnet JP output=magnet recipe=NdPr:0.3,DyTb:0.05]
  free [magnet DE output=magnet recipe=NdPr:0.3 capacity=5]
  car [consumer JP demand=50 recipe=magnet:1 stockpileDays=36.5 valuePerYear=1000]
  pile [stockpile JP output=DyTb stock=0.25]
  ndpr -> mag volume=6
  dytb -> mag volume=1
  ndpr -> free volume=1.5
  mag -> car volume=20
  free -> car volume=5
`;
