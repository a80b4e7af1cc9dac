# Mensagens dos códigos de erro estáveis da plataforma: error-<código>, com "_" escrito como "-".

error-invalid-json = O corpo da requisição não é um JSON válido.
error-validation-failed = Alguns dados não são válidos. Confira e tente de novo.
error-invalid-timezone = Não reconhecemos este fuso horário. Escolha um da lista, por exemplo America/Sao_Paulo.
error-invalid-language = Este idioma não está disponível. Escolha um dos dez idiomas que falamos.
error-invalid-coordinates = Estas coordenadas não estão no globo: a latitude vai de -90 a 90, e a longitude, de -180 a 180.
error-invalid-date-range = A data de início deve ser anterior à data de término.
error-date-out-of-range = Esta data está fora dos anos que conseguimos calcular ({ $supported }). Escolha uma data mais próxima de hoje.
error-range-too-large = Este período é longo demais. Escolha um mais curto.
error-unknown-event-kind = Não conhecemos este tipo de evento.
error-not-found = Não encontramos o que você procura.
error-unauthorized = Entre na sua conta para continuar.
error-token-expired = Este link expirou. Peça um novo.
error-token-invalid = Este link não é válido. Peça um novo.
error-token-used = Este link já foi usado. Peça um novo.
error-forbidden = Você não tem acesso a isto.
error-subscription-required = Inscreva-se primeiro em { $channel } e tente de novo.
error-rate-limited =
    { $seconds ->
        [one] Muitas solicitações. Tente de novo em { $seconds } segundo.
        [many] Muitas solicitações. Tente de novo em { $seconds } de segundos.
       *[other] Muitas solicitações. Tente de novo em { $seconds } segundos.
    }
error-body-too-large = A solicitação é grande demais.
error-internal-error = Algo deu errado do nosso lado. Tente de novo daqui a pouco.
error-invalid-credentials = E-mail ou senha incorretos.
error-email-taken = Já existe uma conta com este e-mail.
error-weak-password = Esta senha é fácil demais de adivinhar. Escolha uma mais longa.
error-account-already-linked = Esta conta já está vinculada a outra conta do Telegram.
error-method-not-allowed = Esta ação não é permitida aqui.
error-telegram-auth-invalid = Não conseguimos confirmar sua entrada pelo Telegram. Tente de novo a partir do Telegram.
error-telegram-not-configured = No momento, não é possível entrar com o Telegram.
error-telegram-unavailable = No momento, não conseguimos falar com o Telegram. Tente de novo daqui a pouco.
error-refresh-token-reused = Para sua segurança, esta sessão foi encerrada. Entre na sua conta de novo.
error-server-busy = O servidor está ocupado agora. Tente novamente em instantes.
error-account-deactivated = Esta conta foi desativada. Entre em contato com o suporte.
error-picture-unavailable = Este evento não tem imagem.
