/// An inline SVG horizontal bar chart (`BarChart`), shared by the table report and the dashboard.
enum ChartTemplate {
    static let text = """
        <figure class="chart" id="{{id}}">
                {{#hasRows}}
        <svg viewBox="0 0 {{width}} {{height}}" width="100%" role="img" aria-labelledby="{{id}}-title" preserveAspectRatio="xMinYMin meet">
        <title id="{{id}}-title">{{title}}</title>
        {{#legend}}
        <rect class="{{cssClass}}" x="{{x}}" y="2" width="12" height="12" rx="2"></rect><text class="legend" x="{{textX}}" y="{{y}}">{{label}}</text>
        {{/legend}}
        {{#rows}}
        <g class="row">
        <text class="label" x="{{labelX}}" y="{{labelY}}" text-anchor="end"><title>{{fullLabel}}</title>{{label}}</text>
        {{#tracks}}
        <rect class="{{cssClass}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" rx="2"><title>{{tooltip}}</title></rect>
        {{/tracks}}
        {{#bars}}
        <rect class="{{cssClass}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" rx="2"><title>{{tooltip}}</title></rect>
        {{#hasValue}}<text class="value" x="{{valueX}}" y="{{valueY}}">{{value}}</text>{{/hasValue}}
        {{/bars}}
        </g>
        {{/rows}}
        </svg>
        {{/hasRows}}
        </figure>

        """
}
