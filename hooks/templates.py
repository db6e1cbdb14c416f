"""Build time: the self-check's markup lives in Jinja templates beside the theme's
overrides (overrides/partials/self-check/), rendered with the theme's own
environment, so its loader finds them as it finds any override. Python passes
data in. Autoescaping is on here (the theme's environment has it off): every
text a template shows is escaped unless it is marked safe."""

TEMPLATE_FOLDER = "partials/self-check/"


def render(config, name, **context):
    environment = config.theme.get_env().overlay(autoescape=True)
    return environment.get_template(TEMPLATE_FOLDER + name).render(**context)
